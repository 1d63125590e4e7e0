# Checks: string.Template and string.Formatter on plain values
import string
assert string.Template('$who likes $what').substitute(who='tim', what='pie') == 'tim likes pie'
assert string.Template('$a $b').safe_substitute(a=1) == '1 $b'
assert string.Formatter().format('{0}-{x:>3}', 'a', x=7) == 'a-  7'
assert string.ascii_lowercase[:3] == 'abc' and string.capwords('hello world') == 'Hello World'
print('string ok')
