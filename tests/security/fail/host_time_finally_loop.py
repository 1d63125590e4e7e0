# Technique: loop again in a finally block after the limit fires
# expect: objcap.LimitExceeded
# exit: 3
# args: --time-limit 1
try:
    while True:
        pass
finally:
    while True:
        pass
