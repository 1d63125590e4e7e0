# Technique: an infinite loop
# expect: objcap.LimitExceeded
# exit: 3
# args: --time-limit 1
while True:
    pass
