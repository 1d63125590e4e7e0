# Checks: calendar.monthrange and isleap
import calendar
assert calendar.monthrange(2024, 2) == (3, 29)
assert calendar.isleap(2000) and not calendar.isleap(1900)
assert calendar.weekday(2024, 1, 1) == calendar.MONDAY
assert 'February' in calendar.month_name[2]
print('calendar ok')
