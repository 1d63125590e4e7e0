# Technique: calendar.different_locale switches the process-wide C locale under the host
# expect: AttributeError
import calendar
with calendar.different_locale('C'):
    pass
