# Technique: SystemExit raised while another exception unwinds
# expect: SystemExit
try:
    raise ValueError('first')
finally:
    raise SystemExit(0)
