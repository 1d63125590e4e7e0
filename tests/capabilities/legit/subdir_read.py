# Technique: subdir narrows the scope; paths are relative to it
# grant: files=granted
s = ctx.files.subdir('sub')
assert s.read_text('inner.txt') == 'inner\n'
assert s.listdir() == sorted(['inner.txt', 'link_up', 'link_rel'])
assert s.read_only is False
assert ctx.files.subdir('sub/../empty').listdir() == []
