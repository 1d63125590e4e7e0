#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <vector>

namespace objcap::cli {

// What `objcap bench` measured: each figure with its unit, the in-run baseline it is compared
// with, their ratio and the bar it should meet; plus numbers reported only in the JSON
// (baselines, details) and a description of the machine.
class BenchReport {
public:
    struct Bar {
        enum class Kind { None, AtMost, AtLeast };
        Kind kind = Kind::None;
        double limit = 0;
        static Bar none() { return {}; }
        static Bar atMost(double limit) { return {Kind::AtMost, limit}; }
        static Bar atLeast(double limit) { return {Kind::AtLeast, limit}; }
    };
    struct Figure {
        QString key;
        double value = 0;
        QString unit;
        QString baseline;             // e.g. "6.1 ms python3.13 -S -c pass"; empty: none
        std::optional<double> ratio;  // value / baseline
        Bar bar;
    };

    void add(Figure figure);
    void addDetail(const QString &key, double value);  // JSON only
    void setMachine(QJsonObject machine) { m_machine = std::move(machine); }
    void setDuration(double seconds) { m_durationSeconds = seconds; }

    static bool meets(const Figure &figure);
    QString table() const;
    QJsonObject json() const;
    // Figures that miss their bar, by key.
    QStringList missed() const;

private:
    std::vector<Figure> m_figures;
    std::vector<std::pair<QString, double>> m_details;
    QJsonObject m_machine;
    double m_durationSeconds = 0;
};

} // namespace objcap::cli
