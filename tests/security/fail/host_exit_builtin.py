# Technique: exit() from site (2007: sys.exit)
# expect: NameError
exit(0)
