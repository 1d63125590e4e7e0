# Checks: csv writer and reader without io (a list of lines and our own writer)
import csv
class Lines:
    def __init__(self): self.lines = []
    def write(self, s): self.lines.append(s)
out = Lines()
w = csv.writer(out)
w.writerow(['name', 'note'])
w.writerow(['a', 'has, comma'])
w.writerow(['b', 'has "quote"'])
assert out.lines[1] == 'a,"has, comma"\r\n'
rows = list(csv.reader(out.lines))
assert rows == [['name', 'note'], ['a', 'has, comma'], ['b', 'has "quote"']]
dicts = list(csv.DictReader(['x,y', '1,2']))
assert dicts == [{'x': '1', 'y': '2'}]
print('csv ok')
