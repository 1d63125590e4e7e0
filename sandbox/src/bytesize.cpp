#include "objcap/bytesize.h"

#include <array>
#include <limits>
#include <utility>

namespace objcap {

std::optional<std::uint64_t> parseByteSize(std::string_view text)
{
    std::uint64_t number = 0;
    std::size_t i = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) {
        const unsigned digit = static_cast<unsigned>(text[i] - '0');
        if (number > (std::numeric_limits<std::uint64_t>::max() - digit) / 10)
            return std::nullopt;
        number = number * 10 + digit;
    }
    if (i == 0)
        return std::nullopt;
    while (i < text.size() && text[i] == ' ')
        ++i;
    const std::string_view unit = text.substr(i);
    static constexpr std::array<std::pair<std::string_view, unsigned>, 5> units{
        {{"", 0}, {"B", 0}, {"KiB", 10}, {"MiB", 20}, {"GiB", 30}}};
    for (const auto &[name, shift] : units) {
        if (unit != name)
            continue;
        if (number > (std::numeric_limits<std::uint64_t>::max() >> shift))
            return std::nullopt;
        return number << shift;
    }
    return std::nullopt;
}

} // namespace objcap
