# Checks: print to stdout with sep, end and flush
print('a', 'b', sep='-', end='!\n')
print('value:', 42, flush=True)
class Sink:
    def __init__(self): self.parts = []
    def write(self, s): self.parts.append(s)
sink = Sink()
print('to sink', file=sink)
assert ''.join(sink.parts) == 'to sink\n'
print('print ok')
