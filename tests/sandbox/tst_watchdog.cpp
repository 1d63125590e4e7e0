#include "watchdog.h"

#include <QTest>

#include <atomic>
#include <chrono>
#include <thread>

using objcap::detail::Watchdog;
using namespace std::chrono_literals;

class tst_Watchdog : public QObject {
    Q_OBJECT

private slots:
    void firesInDeadlineOrder();
    void disarmedDeadlineNeverFires();
};

void tst_Watchdog::firesInDeadlineOrder()
{
    Watchdog watchdog;
    std::mutex mutex;
    std::vector<int> order;
    std::atomic<int> fired{0};
    watchdog.arm(30ms, [&] { std::lock_guard l(mutex); order.push_back(2); ++fired; });
    watchdog.arm(1ms, [&] { std::lock_guard l(mutex); order.push_back(1); ++fired; });
    QTRY_COMPARE_WITH_TIMEOUT(fired.load(), 2, 10000);
    QCOMPARE(order, (std::vector<int>{1, 2}));
}

void tst_Watchdog::disarmedDeadlineNeverFires()
{
    Watchdog watchdog;
    std::atomic<int> disarmedFired{0};
    std::atomic<int> sentinelFired{0};
    const Watchdog::Token token = watchdog.arm(200ms, [&] { ++disarmedFired; });
    watchdog.disarm(token);
    // A later deadline firing proves the watchdog ran past the disarmed one.
    watchdog.arm(400ms, [&] { ++sentinelFired; });
    QTRY_COMPARE_WITH_TIMEOUT(sentinelFired.load(), 1, 10000);
    QCOMPARE(disarmedFired.load(), 0);
}

QTEST_APPLESS_MAIN(tst_Watchdog)
#include "tst_watchdog.moc"
