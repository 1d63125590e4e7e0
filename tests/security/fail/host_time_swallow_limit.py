# Technique: catch the limit exception and keep looping
# expect: objcap.LimitExceeded
# exit: 3
# args: --time-limit 1
while True:
    try:
        while True:
            pass
    except BaseException:
        pass
