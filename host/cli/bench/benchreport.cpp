#include "benchreport.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <cmath>

namespace objcap::cli {

namespace {

QString number(double value)
{
    const double magnitude = std::abs(value);
    const int decimals = magnitude >= 1000 ? 0 : magnitude >= 100 ? 1 : magnitude >= 10 ? 2 : 3;
    return QString::number(value, 'f', decimals);
}

QString barText(const BenchReport::Bar &bar)
{
    switch (bar.kind) {
    case BenchReport::Bar::Kind::AtMost: return QStringLiteral("<= ") + number(bar.limit);
    case BenchReport::Bar::Kind::AtLeast: return QStringLiteral(">= ") + number(bar.limit);
    case BenchReport::Bar::Kind::None: break;
    }
    return QStringLiteral("report");
}

} // namespace

void BenchReport::add(Figure figure)
{
    m_figures.push_back(std::move(figure));
}

void BenchReport::addDetail(const QString &key, double value)
{
    m_details.emplace_back(key, value);
}

bool BenchReport::meets(const Figure &figure)
{
    switch (figure.bar.kind) {
    case Bar::Kind::AtMost: return figure.value <= figure.bar.limit;
    case Bar::Kind::AtLeast: return figure.value >= figure.bar.limit;
    case Bar::Kind::None: break;
    }
    return true;
}

QString BenchReport::table() const
{
    const QStringList header{QStringLiteral("key"), QStringLiteral("value"), QStringLiteral("unit"),
                             QStringLiteral("baseline"), QStringLiteral("ratio"), QStringLiteral("bar"),
                             QString()};
    std::vector<QStringList> rows{header};
    for (const Figure &f : m_figures) {
        const QString mark = f.bar.kind == Bar::Kind::None ? QStringLiteral("-")
                             : meets(f)                    ? QStringLiteral("✓")
                                                           : QStringLiteral("✗");
        rows.push_back({f.key, number(f.value), f.unit, f.baseline.isEmpty() ? QStringLiteral("-") : f.baseline,
                        f.ratio ? number(*f.ratio) + u'x' : QStringLiteral("-"), barText(f.bar), mark});
    }
    std::vector<qsizetype> widths(header.size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[static_cast<std::size_t>(i)] = std::max(widths[static_cast<std::size_t>(i)], row[i].size());
    }
    QString text;
    for (const QStringList &row : rows) {
        QString line;
        for (qsizetype i = 0; i < row.size(); ++i) {
            // Numbers right-aligned, words left-aligned.
            const auto width = widths[static_cast<std::size_t>(i)];
            const bool numeric = i == 1 || i == 4;
            line += (numeric ? row[i].rightJustified(width) : row[i].leftJustified(width)) + QStringLiteral("  ");
        }
        text += line.trimmed() + u'\n';
    }
    const QStringList misses = missed();
    text += misses.isEmpty() ? QStringLiteral("every bar met")
                             : QStringLiteral("bars missed: ") + misses.join(QStringLiteral(", "));
    text += QStringLiteral(" (%1 s)\n").arg(m_durationSeconds, 0, 'f', 1);
    return text;
}

QJsonObject BenchReport::json() const
{
    QJsonObject object;
    for (const Figure &f : m_figures)
        object.insert(f.key, f.value);
    for (const auto &[key, value] : m_details)
        object.insert(key, value);
    object.insert(QStringLiteral("machine"), m_machine);
    object.insert(QStringLiteral("duration_s"), m_durationSeconds);
    QJsonArray misses;
    for (const QString &key : missed())
        misses.append(key);
    object.insert(QStringLiteral("bars_missed"), misses);
    return object;
}

QStringList BenchReport::missed() const
{
    QStringList keys;
    for (const Figure &f : m_figures) {
        if (!meets(f))
            keys << f.key;
    }
    return keys;
}

} // namespace objcap::cli
