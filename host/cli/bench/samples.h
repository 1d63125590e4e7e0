#pragma once

#include <objcap/value.h>

#include <vector>

namespace objcap::cli {

// Measured durations (or any numbers) of one benchmark figure, with the order statistics a
// report needs.
class Samples {
public:
    Samples() = default;
    explicit Samples(std::vector<double> values) : m_values(std::move(values)) {}
    // From what a sandbox returned: a list of numbers (int or float); anything else is skipped.
    static Samples fromValue(const objcap::Value &list);

    void add(double value) { m_values.push_back(value); }
    bool empty() const { return m_values.empty(); }
    std::size_t size() const { return m_values.size(); }
    // Nearest-rank percentile, p in [0, 100].
    double percentile(double p) const;
    double median() const { return percentile(50); }
    double min() const;

private:
    std::vector<double> m_values;
};

} // namespace objcap::cli
