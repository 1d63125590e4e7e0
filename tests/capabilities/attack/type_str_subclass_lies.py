# Technique: a str subclass whose methods lie about its value ('../secret.txt'): refused as a non-str or as leaving
# expect: objcap.CapabilityError | TypeError
# grant: files=granted
class Liar(str):
    def __eq__(self, other): return False
    def __hash__(self): return 0
    def __contains__(self, item): return False
    def startswith(self, *a): return False
    def split(self, *a, **k): return ['notes.txt']
    def replace(self, *a): return 'notes.txt'
    def __str__(self): return 'notes.txt'
    def __fspath__(self): return 'notes.txt'
print(ctx.files.read_text(Liar('../secret.txt')))
