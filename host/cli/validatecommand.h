#pragma once

#include <QStringList>

namespace objcap::cli {

// `objcap validate DIR`: checks a plugin folder's manifest (and that its entry exists) without
// running any plugin code; prints what it found or each problem with file:line:column.
class ValidateCommand {
public:
    static int run(const QStringList &arguments);
};

} // namespace objcap::cli
