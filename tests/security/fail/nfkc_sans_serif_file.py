# Technique: mathematical sans-serif 𝖿𝗂𝗅𝖾 normalises to file
# expect: NameError
𝖿𝗂𝗅𝖾('objcap-escape-marker', 'w').write('x')
