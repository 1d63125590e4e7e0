# Technique: listdir returns the sorted names (default '.')
# grant: files=granted
names = ctx.files.listdir()
assert names == sorted(names), names
assert names == ctx.files.listdir('.')
for n in ('notes.txt', 'sub', 'empty', 'link_in', 'café ☕.txt'):
    assert n in names, (n, names)
assert ctx.files.listdir('sub') == sorted(['inner.txt', 'link_up', 'link_rel'])
assert ctx.files.listdir('empty') == []
