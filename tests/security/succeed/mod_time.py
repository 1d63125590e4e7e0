# Checks: time.time, monotonic, perf_counter (no sleep)
import time
t0, m0, p0 = time.time(), time.monotonic(), time.perf_counter()
sum(range(100000))
assert time.time() >= t0 and time.monotonic() >= m0 and time.perf_counter() >= p0
assert time.gmtime(0).tm_year == 1970
assert time.strftime('%Y', time.gmtime(86400 * 366)) == '1971'
print('time ok')
