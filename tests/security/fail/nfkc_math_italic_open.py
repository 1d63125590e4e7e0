# Technique: mathematical italic 𝑜𝑝𝑒𝑛 normalises to open
# expect: NameError
𝑜𝑝𝑒𝑛('objcap-escape-marker', 'w').write('x')
