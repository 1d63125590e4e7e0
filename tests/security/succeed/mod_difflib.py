# Checks: difflib unified_diff and SequenceMatcher
import difflib
diff = list(difflib.unified_diff(['a\n', 'b\n'], ['a\n', 'c\n'], 'old', 'new'))
assert diff[0] == '--- old\n' and '-b\n' in diff and '+c\n' in diff
assert difflib.SequenceMatcher(None, 'abcd', 'abed').ratio() == 0.75
assert difflib.get_close_matches('appel', ['ape', 'apple', 'peach']) == ['apple', 'ape']
print('difflib ok')
