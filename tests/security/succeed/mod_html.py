# Checks: html escape and unescape
import html
assert html.escape('<a href="x">&</a>') == '&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;'
assert html.unescape('&lt;b&gt; &amp; &eacute; &#65;') == '<b> & é A'
print('html ok')
