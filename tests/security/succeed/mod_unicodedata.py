# Checks: unicodedata
import unicodedata
assert unicodedata.name('é') == 'LATIN SMALL LETTER E WITH ACUTE'
assert unicodedata.normalize('NFKC', 'ｏｐｅｎ') == 'open'
assert unicodedata.category('A') == 'Lu' and unicodedata.numeric('½') == 0.5
print('unicodedata ok')
