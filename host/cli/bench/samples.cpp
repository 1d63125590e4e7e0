#include "samples.h"

#include <algorithm>
#include <cmath>

namespace objcap::cli {

Samples Samples::fromValue(const objcap::Value &list)
{
    Samples samples;
    if (!list.is<objcap::Value::List>())
        return samples;
    for (const objcap::Value &item : list.as<objcap::Value::List>()) {
        if (item.is<double>())
            samples.add(item.as<double>());
        else if (item.is<std::int64_t>())
            samples.add(static_cast<double>(item.as<std::int64_t>()));
    }
    return samples;
}

double Samples::percentile(double p) const
{
    if (m_values.empty())
        return 0;
    std::vector<double> sorted = m_values;
    std::sort(sorted.begin(), sorted.end());
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

double Samples::min() const
{
    return m_values.empty() ? 0 : *std::min_element(m_values.begin(), m_values.end());
}

} // namespace objcap::cli
