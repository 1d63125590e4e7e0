# Checks: colorsys
import colorsys
assert colorsys.rgb_to_hsv(1.0, 0.0, 0.0) == (0.0, 1.0, 1.0)
r, g, b = colorsys.hls_to_rgb(*colorsys.rgb_to_hls(0.2, 0.4, 0.6))
assert abs(r - 0.2) < 1e-9 and abs(b - 0.6) < 1e-9
print('colorsys ok')
