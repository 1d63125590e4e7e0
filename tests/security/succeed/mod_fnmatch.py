# Checks: fnmatch
import fnmatch
assert fnmatch.fnmatch('plugin.py', '*.py') and not fnmatch.fnmatch('plugin.pyc', '*.py')
assert fnmatch.filter(['a.txt', 'b.py'], '*.txt') == ['a.txt']
assert fnmatch.fnmatchcase('A.PY', '*.PY') and fnmatch.translate('*.py').endswith('\\Z')
print('fnmatch ok')
