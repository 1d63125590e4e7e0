#pragma once

// What the case-file corpora (tests/security, tests/capabilities) share: one QTest row per
// <dir>/*.py, and reading a case's header — the leading block of "# key: value" comment lines.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>
#include <QRegularExpression>
#include <QTest>

#include <optional>
#include <utility>

namespace casefile {

// A "path" column with one row per case file in dir, named after it.
inline void addRows(const QString &dir)
{
    QTest::addColumn<QString>("path");
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.py")}, QDir::Files, QDir::Name);
    if (files.isEmpty())
        qFatal("no cases in %s", qPrintable(dir));
    for (const QFileInfo &file : files)
        QTest::newRow(qPrintable(file.completeBaseName())) << file.absoluteFilePath();
}

// The header's fields in order, keys lowercased; nullopt if the file cannot be read.
inline std::optional<QList<std::pair<QString, QString>>> readHeader(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    static const QRegularExpression field(QStringLiteral("^#\\s*([\\w-]+):\\s*(.*?)\\s*$"));
    QList<std::pair<QString, QString>> fields;
    while (!file.atEnd()) {
        const QString line = QString::fromUtf8(file.readLine()).trimmed();
        if (!line.startsWith(u'#'))
            break;
        const QRegularExpressionMatch m = field.match(line);
        if (m.hasMatch())
            fields.append({m.captured(1).toLower(), m.captured(2)});
    }
    return fields;
}

} // namespace casefile
