# Checks: copy and deepcopy of nested plugin objects
import copy
class Node:
    def __init__(self, value, children=()):
        self.value, self.children = value, list(children)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
shallow = copy.copy(tree)
deep = copy.deepcopy(tree)
assert shallow.children is tree.children
assert deep.children is not tree.children and deep.children[1].children[0].value == 4
data = {'a': [1, {'b': 2}]}
d2 = copy.deepcopy(data)
d2['a'][1]['b'] = 3
assert data['a'][1]['b'] == 2
print('copy ok')
