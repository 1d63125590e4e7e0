# Technique: '{0.__self__}'.format(print)
# expect: AttributeError
print('{0.__self__.open}'.format(print))
