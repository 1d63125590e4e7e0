#pragma once

#include <QString>

#include <algorithm>
#include <cstdint>

namespace objcap::host::textoffsets {

// Plugins count positions in code points (Python str indices); QString counts UTF-16 units.

// The code points in text[0, units).
inline std::int64_t codePoints(const QString &text, qsizetype units)
{
    units = std::min(units, text.size());
    std::int64_t count = 0;
    for (qsizetype i = 0; i < units; ++i) {
        if (!(text.at(i).isLowSurrogate() && i > 0 && text.at(i - 1).isHighSurrogate()))
            ++count;
    }
    return count;
}

// The UTF-16 offset of code point `points` (clamped to the end).
inline qsizetype units(const QString &text, std::int64_t points)
{
    qsizetype i = 0;
    for (std::int64_t seen = 0; seen < points && i < text.size(); ++seen) {
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate())
            i += 2;
        else
            ++i;
    }
    return i;
}

} // namespace objcap::host::textoffsets
