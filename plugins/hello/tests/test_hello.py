import main


def test_activate_logs_and_schedules():
    main.activate(ctx)
    assert ctx.timers.pending == 1
