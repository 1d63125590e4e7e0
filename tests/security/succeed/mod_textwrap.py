# Checks: textwrap
import textwrap
assert textwrap.wrap('the quick brown fox', width=10) == ['the quick', 'brown fox']
assert textwrap.dedent('  a\n  b') == 'a\nb'
assert textwrap.shorten('hello big world', width=12) == 'hello [...]'
assert textwrap.indent('a\nb', '> ') == '> a\n> b'
print('textwrap ok')
