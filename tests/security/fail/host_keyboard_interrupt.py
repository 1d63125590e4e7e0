# Technique: KeyboardInterrupt as if the user pressed Ctrl-C
# expect: KeyboardInterrupt
raise KeyboardInterrupt
