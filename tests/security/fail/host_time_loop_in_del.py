# Technique: loop forever in __del__ while the limit unwinds
# expect: objcap.LimitExceeded
# exit: 3
# args: --time-limit 1
class Sticky:
    def __del__(self):
        while True:
            pass
def run():
    s = Sticky()
    while True:
        pass
run()
