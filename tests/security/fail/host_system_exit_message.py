# Technique: SystemExit with a message the host might print and exit on
# expect: SystemExit
raise SystemExit('plugin says bye')
