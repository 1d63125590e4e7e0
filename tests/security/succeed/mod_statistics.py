# Checks: statistics mean, median, stdev
import statistics
data = [2, 4, 4, 4, 5, 5, 7, 9]
assert statistics.mean(data) == 5
assert statistics.median(data) == 4.5
assert statistics.mode(data) == 4
assert abs(statistics.stdev(data) - 2.138089935299395) < 1e-12
print('statistics ok')
