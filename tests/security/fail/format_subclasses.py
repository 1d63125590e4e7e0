# Technique: '{0.__class__.__base__.__subclasses__}'.format(())
# expect: AttributeError
print('{0.__class__.__base__.__subclasses__}'.format(()))
