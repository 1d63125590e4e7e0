# Technique: end the host process with status 0 (success: exit 0)
# expect: SystemExit
raise SystemExit(0)
