# Checks: an html.parser.HTMLParser subclass
import html.parser
class Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.text = [], []
    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            self.links.append(dict(attrs)['href'])
    def handle_data(self, data):
        self.text.append(data)
p = Links()
p.feed('<p>See <a href="/one">one</a> and <a href="/two">two</a>.</p>')
p.close()
assert p.links == ['/one', '/two'] and ''.join(p.text) == 'See one and two.'
print('html.parser ok')
