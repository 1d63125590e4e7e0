#include "pythonhighlighter.h"

#include <QSet>
#include <QStringList>
#include <QTextBlock>

namespace objcap::host {

namespace {

QSet<QString> wordSet(const char *words)
{
    const QStringList list = QString::fromLatin1(words).split(u' ', Qt::SkipEmptyParts);
    return QSet<QString>(list.begin(), list.end());
}

const QSet<QString> &keywords()
{
    // keyword.kwlist of Python 3.13.
    static const QSet<QString> words = wordSet(
        "False None True and as assert async await break class continue def del elif else except finally for "
        "from global if import in is lambda nonlocal not or pass raise return try while with yield");
    return words;
}

const QSet<QString> &builtins()
{
    static const QSet<QString> names = wordSet(
        "abs aiter all anext any ascii bin bool bytearray bytes callable chr classmethod complex delattr dict "
        "dir divmod enumerate eval exec filter float format frozenset getattr globals hasattr hash help hex id "
        "input int isinstance issubclass iter len list locals map max memoryview min next object oct open ord "
        "pow print property range repr reversed round set setattr slice sorted staticmethod str sum super "
        "tuple type vars zip self cls Ellipsis NotImplemented BaseException Exception ArithmeticError "
        "AttributeError ImportError IndexError KeyError LookupError NameError NotImplementedError OSError "
        "PermissionError RuntimeError StopIteration TypeError ValueError ZeroDivisionError");
    return names;
}

bool identifierStart(QChar c)
{
    return c.isLetter() || c == u'_';
}

bool identifierPart(QChar c)
{
    return c.isLetterOrNumber() || c == u'_';
}

bool stringPrefix(const QString &word)
{
    if (word.size() > 2)
        return false;
    for (QChar c : word)
        if (!QStringView(u"rRbBuUfF").contains(c))
            return false;
    return true;
}

// Index of the closing `quote` (one or three characters) at or after `from`, skipping
// backslash escapes; -1 if none on this line.
qsizetype closing(const QString &text, qsizetype from, QStringView quote)
{
    for (qsizetype i = from; i < text.size(); ++i) {
        if (text[i] == u'\\') {
            ++i;
            continue;
        }
        if (QStringView(text).sliced(i).startsWith(quote))
            return i;
    }
    return -1;
}

QTextCharFormat coloured(const char *colour, bool bold = false, bool italic = false)
{
    QTextCharFormat format;
    format.setForeground(QColor(QString::fromLatin1(colour)));
    if (bold)
        format.setFontWeight(QFont::Bold);
    format.setFontItalic(italic);
    return format;
}

} // namespace

PythonHighlighter::PythonHighlighter(QTextDocument *document, bool codeBlocksOnly)
    : QSyntaxHighlighter(document), m_codeBlocksOnly(codeBlocksOnly), m_keyword(coloured("#0033b3", true)),
      m_builtin(coloured("#000080")), m_string(coloured("#067d17")), m_number(coloured("#1750eb")),
      m_comment(coloured("#8c8c8c", false, true)), m_decorator(coloured("#9e880d")),
      m_definition(coloured("#00627a", true))
{
}

int PythonHighlighter::string(const QString &text, qsizetype start, qsizetype quoteAt)
{
    const QChar quote = text[quoteAt];
    const bool triple = QStringView(text).sliced(quoteAt).startsWith(QString(3, quote));
    const qsizetype bodyAt = quoteAt + (triple ? 3 : 1);
    const QString delimiter = triple ? QString(3, quote) : QString(quote);
    const qsizetype end = closing(text, bodyAt, delimiter);
    if (end < 0) {
        setFormat(int(start), int(text.size() - start), m_string);
        if (triple)
            setCurrentBlockState(quote == u'\'' ? InSingleTriple : InDoubleTriple);
        return triple ? -1 : int(text.size());
    }
    const qsizetype after = end + (triple ? 3 : 1);
    setFormat(int(start), int(after - start), m_string);
    return int(after);
}

void PythonHighlighter::highlightBlock(const QString &text)
{
    setCurrentBlockState(Code);
    qsizetype i = 0;
    if (m_codeBlocksOnly) {
        const QVariant prompt = currentBlock().blockFormat().property(PromptProperty);
        if (!prompt.isValid())
            return;
        i = qMin<qsizetype>(prompt.toInt(), text.size());
    }
    // The rest of a triple-quoted string from an earlier line.
    if (const int state = qMax(previousBlockState(), 0); state != Code) {
        const QString quote(3, state == InSingleTriple ? u'\'' : u'"');
        const qsizetype end = closing(text, i, quote);
        if (end < 0) {
            setFormat(int(i), int(text.size() - i), m_string);
            setCurrentBlockState(state);
            return;
        }
        setFormat(int(i), int(end + 3 - i), m_string);
        i = end + 3;
    }
    bool lineStart = QStringView(text).first(i).trimmed().isEmpty();
    bool afterDefinition = false;
    while (i < text.size()) {
        const QChar c = text[i];
        if (c == u'#') {
            setFormat(int(i), int(text.size() - i), m_comment);
            return;
        }
        if (c == u'\'' || c == u'"') {
            const int next = string(text, i, i);
            if (next < 0)
                return;
            i = next;
        } else if (c == u'@' && lineStart) {
            qsizetype end = i + 1;
            while (end < text.size() && (identifierPart(text[end]) || text[end] == u'.'))
                ++end;
            setFormat(int(i), int(end - i), m_decorator);
            i = end;
        } else if (c.isDigit() || (c == u'.' && i + 1 < text.size() && text[i + 1].isDigit())) {
            qsizetype end = i + 1;
            while (end < text.size()
                   && (text[end].isLetterOrNumber() || text[end] == u'_' || text[end] == u'.'
                       || ((text[end] == u'+' || text[end] == u'-') && (text[end - 1] == u'e' || text[end - 1] == u'E'))))
                ++end;
            setFormat(int(i), int(end - i), m_number);
            i = end;
        } else if (identifierStart(c)) {
            qsizetype end = i + 1;
            while (end < text.size() && identifierPart(text[end]))
                ++end;
            const QString word = text.sliced(i, end - i);
            if (end < text.size() && (text[end] == u'\'' || text[end] == u'"') && stringPrefix(word)) {
                const int next = string(text, i, end);
                if (next < 0)
                    return;
                i = next;
                continue;
            }
            const bool attribute = i > 0 && text[i - 1] == u'.';
            if (afterDefinition)
                setFormat(int(i), int(end - i), m_definition);
            else if (!attribute && keywords().contains(word))
                setFormat(int(i), int(end - i), m_keyword);
            else if (!attribute && builtins().contains(word))
                setFormat(int(i), int(end - i), m_builtin);
            afterDefinition = !attribute && (word == u"def" || word == u"class");
            i = end;
        } else {
            if (!c.isSpace())
                afterDefinition = false;
            ++i;
        }
        lineStart = false;
    }
}

} // namespace objcap::host
