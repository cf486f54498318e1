# asyncio for Boucle: CPython 3.11's algorithms (futures.py, tasks.py, runners.py; the
# less used queues.py, locks.py, timeouts.py and taskgroups.py are in prelude_sync.py,
# loaded on first use), on the instrumented Rust event loop exposed by the native
# module _boucle. Futures and tasks are the loop's own, so every task, wake-up and
# callback shows in the trace.
import _boucle

# What `from asyncio import *` gives (CPython's __all__, for what Boucle has: 3.11
# leaves TaskGroup out); the names of prelude_sync.py come through __getattr__.
__all__ = ['FIRST_COMPLETED', 'FIRST_EXCEPTION', 'ALL_COMPLETED', 'CancelledError',
           'InvalidStateError', 'TimeoutError', 'QueueEmpty', 'QueueFull', 'Future',
           'Task', 'iscoroutine', 'iscoroutinefunction', 'isfuture', 'TimerHandle',
           'Handle', 'AbstractEventLoop', 'BaseEventLoop', 'new_event_loop',
           'set_event_loop', 'get_event_loop', 'get_running_loop', 'ensure_future',
           'create_task', 'current_task', 'all_tasks', 'sleep', 'gather', 'wait',
           'wait_for', 'as_completed', 'shield', 'run', 'Timeout', 'timeout',
           'timeout_at', 'Queue', 'PriorityQueue', 'LifoQueue', 'Event',
           'Lock', 'Semaphore', 'BoundedSemaphore', 'Condition']

FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'

CancelledError = _boucle.CancelledError


InvalidStateError = _boucle.InvalidStateError


class QueueEmpty(Exception):
    __module__ = 'asyncio.queues'


class QueueFull(Exception):
    __module__ = 'asyncio.queues'


TimeoutError = TimeoutError


class Future:
    _asyncio_future_blocking = False

    def __init__(self, *, loop=None, _label='Future'):
        self._h = _boucle.fut_new(_label, type(self).__name__)

    def done(self):
        return _boucle.fut_done(self._h)

    def cancelled(self):
        return _boucle.fut_cancelled(self._h)

    def result(self):
        return _boucle.fut_result(self._h)

    def exception(self):
        return _boucle.fut_exception(self._h)

    def set_result(self, result):
        _boucle.fut_set_result(self._h, result)

    def set_exception(self, exception):
        if isinstance(exception, type):
            exception = exception()
        _boucle.fut_set_exception(self._h, exception)

    def cancel(self, msg=None):
        return _boucle.fut_cancel(self._h, msg)

    def _make_cancelled_error(self):
        return _boucle.fut_cancelled_error(self._h)

    # set_result / set_exception saying, for the trace, what wakes the tasks
    # waiting on this future (`why`: a wake reason of the trace format) and which
    # tasks did (`by`: task ids; None: the task running now).
    def _set_result_by(self, result, why, by=None):
        _boucle.fut_set_result(self._h, result, why, by)

    def _set_exception_by(self, exception, why, by=None):
        _boucle.fut_set_exception(self._h, exception, why, by)

    def add_done_callback(self, fn, *, context=None):
        me = self
        name = getattr(fn, '__qualname__', None) or getattr(fn, '__name__', 'callback')
        if isinstance(self, Task):
            # which task's end it reacts to: the trace names it (example 05)
            name = name + ' [' + self.get_name() + ']'
        _boucle.fut_add_done_callback(self._h, lambda: fn(me), name, fn)

    def remove_done_callback(self, fn):
        return _boucle.fut_remove_done_callback(self._h, fn)

    def get_loop(self):
        return get_event_loop()

    def __await__(self):
        if not self.done():
            yield self
        return self.result()

    __iter__ = __await__

    def _state(self):
        if self.cancelled():
            return 'cancelled'
        return 'finished' if self.done() else 'pending'

    def _repr_info(self):
        # base_futures._future_repr_info
        info = [self._state()]
        if info[0] == 'finished':
            e = _boucle.fut_exception(self._h, 1)
            info.append('exception=' + repr(e) if e else 'result=' + _reprlib(self.result()))
        elif info[0] == 'pending':
            cb = ['Task.task_wakeup()' if f is None else _callback_name(f) + '()'
                  + _boucle.fn_source(f) for f in _boucle.fut_callbacks(self._h)]
            if len(cb) > 2:
                cb = [cb[0], '<' + str(len(cb) - 2) + ' more>', cb[-1]]
            if cb:
                info.append('cb=[' + ', '.join(cb) + ']')
        return info

    def __repr__(self):
        return '<' + type(self).__name__ + ' ' + ' '.join(self._repr_info()) + '>'


def _reprlib(x):
    s = repr(x)
    if isinstance(x, str) and len(repr(x[:30])) > 30:
        s = repr(x[:13] + x[-14:])
        s = s[:13] + '...' + s[-14:]
    return s


_tasks = {}


class Task(Future):
    def __init__(self, coro, *, loop=None, name=None, context=None):
        if not _boucle.is_coroutine(coro):
            raise TypeError('a coroutine was expected, got ' + repr(coro))
        self._coro = coro
        self._h, self._id = _boucle.task_new(coro, None if name is None else str(name))
        _tasks[self._id] = self

    def cancel(self, msg=None):
        return _boucle.task_cancel(self._id, msg)

    def uncancel(self):
        return _boucle.task_uncancel(self._id)

    def cancelling(self):
        return _boucle.task_cancelling(self._id)

    def get_name(self):
        return _boucle.task_name(self._id)

    def set_name(self, value):
        _boucle.task_set_name(self._id, str(value))

    def get_coro(self):
        return self._coro

    def _repr_info(self):
        # base_tasks._task_repr_info
        info = Future._repr_info(self)
        if self.cancelling() and not self.done():
            info[0] = 'cancelling'
        coro, w = _boucle.task_info(self._id)
        info[1:1] = ['name=' + repr(self.get_name()), 'coro=<' + coro + '>']
        if w is not None:
            info.insert(3, 'wait_for=' + repr(w))
        return info


def iscoroutine(obj):
    return _boucle.is_coroutine(obj)


def iscoroutinefunction(func):
    return _boucle.is_coroutine_function(func)


def _task_ids(futs):
    """The ids of the tasks among `futs` (a wake's `by`, wait_result's lists)."""
    return [f._id for f in futs if isinstance(f, Task)]


def isfuture(obj):
    return isinstance(obj, Future)


class TimerHandle:
    def __init__(self, timer, when):
        self._timer = timer
        self._when = when
        self._cancelled = False

    def when(self):
        return self._when

    def cancel(self):
        if not self._cancelled:
            self._cancelled = True
            _boucle.cancel_timer(self._timer)

    def cancelled(self):
        return self._cancelled


class Handle:
    def __init__(self):
        self._cancelled = False

    def cancel(self):
        self._cancelled = True

    def cancelled(self):
        return self._cancelled


def _callback_name(fn):
    return getattr(fn, '__qualname__', None) or getattr(fn, '__name__', 'callback')


class AbstractEventLoop:
    pass


class BaseEventLoop(AbstractEventLoop):
    def __init__(self):
        self._closed = False

    def time(self):
        return _boucle.time()

    def create_future(self):
        return Future()

    def create_task(self, coro, *, name=None, context=None):
        self._check_closed()
        return Task(coro, name=name)

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        h = Handle()

        def run():
            if not h._cancelled:
                callback(*args)
        _boucle.call_soon(run, _callback_name(callback))
        return h

    def call_later(self, delay, callback, *args, context=None):
        self._check_closed()
        when = self.time() + delay
        return TimerHandle(_boucle.call_later(delay, lambda: callback(*args), _callback_name(callback)), when)

    def call_at(self, when, callback, *args, context=None):
        return self.call_later(when - self.time(), callback, *args)

    def _check_closed(self):
        if self._closed:
            raise RuntimeError('Event loop is closed')

    def is_closed(self):
        return self._closed

    def is_running(self):
        return _boucle.is_running()

    def stop(self):
        _boucle.stop()

    def close(self):
        if self.is_running():
            raise RuntimeError('Cannot close a running event loop')
        if not self._closed:
            self._closed = True
            _boucle.close()

    def run_forever(self):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        if _boucle.running_loop() is not None:
            raise RuntimeError('Cannot run the event loop while another loop is running')
        _boucle.set_running(self)
        old_hook = _boucle.set_asyncgen_finalizer(self._asyncgen_finalizer_hook)
        try:
            _boucle.run_forever()
        finally:
            _boucle.set_running(None)
            _boucle.set_asyncgen_finalizer(old_hook)

    def run_until_complete(self, future):
        self._check_closed()
        if self.is_running():
            raise RuntimeError('This event loop is already running')
        new_task = not isfuture(future)
        future = ensure_future(future, loop=self)
        _boucle.set_running(self)
        old_hook = _boucle.set_asyncgen_finalizer(self._asyncgen_finalizer_hook)
        try:
            _boucle.run_until_complete(future._h)
        finally:
            _boucle.set_running(None)
            _boucle.set_asyncgen_finalizer(old_hook)
        if not future.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return future.result()

    def _asyncgen_finalizer_hook(self, agen):
        # An async generator destroyed unfinished: closed by a task.
        if not self.is_closed():
            self.call_soon(self.create_task, agen.aclose())

    async def shutdown_asyncgens(self):
        closing_agens = _boucle.take_asyncgens()
        if not closing_agens:
            return
        await gather(*[ag.aclose() for ag in closing_agens], return_exceptions=True)

    async def shutdown_default_executor(self):
        pass


_event_loop = None


def new_event_loop():
    _boucle.reopen()
    return BaseEventLoop()


def set_event_loop(loop):
    global _event_loop
    _event_loop = loop


def get_event_loop():
    global _event_loop
    running = _boucle.running_loop()
    if running is not None:
        return running
    if _event_loop is None:
        _event_loop = new_event_loop()
    return _event_loop


def get_running_loop():
    running = _boucle.running_loop()
    if running is None:
        raise RuntimeError('no running event loop')
    return running


def _get_event_loop():
    return get_event_loop()


def ensure_future(coro_or_future, *, loop=None):
    if isfuture(coro_or_future):
        return coro_or_future
    if iscoroutine(coro_or_future):
        if loop is None:
            loop = get_event_loop()
        return loop.create_task(coro_or_future)
    if hasattr(coro_or_future, '__await__'):
        return ensure_future(_wrap_awaitable(coro_or_future), loop=loop)
    raise TypeError('An asyncio.Future, a coroutine or an awaitable is required')


async def _wrap_awaitable(awaitable):
    return await awaitable


def create_task(coro, *, name=None, context=None):
    # As CPython 3.11: a default name (and its number) first, then the given one.
    loop = get_running_loop()
    task = loop.create_task(coro)
    if name is not None:
        task.set_name(name)
    return task


def current_task(loop=None):
    tid = _boucle.current_task_id()
    if tid == 0:
        if loop is None:
            get_running_loop()
        return None
    return _tasks.get(tid)


def all_tasks(loop=None):
    if loop is None:
        get_running_loop()
    return {_tasks[i] for i in _boucle.pending_task_ids() if i in _tasks}


class _Sleep0:
    def __await__(self):
        yield None


async def sleep(delay, result=None):
    if delay <= 0:
        await _Sleep0()
        return result
    loop = get_running_loop()
    future = Future(_label='sleep(' + repr(delay) + ')')
    h = _boucle.call_later(delay, lambda: _set_result_unless_cancelled(future, result),
                           'sleep(' + repr(delay) + ')')
    try:
        return await future
    finally:
        _boucle.cancel_timer(h)


def _set_result_unless_cancelled(fut, result):
    if fut.cancelled():
        return
    fut._set_result_by(result, 'timer', [])


class _GatheringFuture(Future):
    def __init__(self, children, loop=None):
        super().__init__(_label='gather(' + str(len(children)) + ')')
        self._children = children
        self._cancel_requested = False

    def cancel(self, msg=None):
        if self.done():
            return False
        ret = False
        for child in self._children:
            if child.cancel(msg=msg):
                ret = True
        if ret:
            self._cancel_requested = True
        return ret


def gather(*coros_or_futures, return_exceptions=False):
    if not coros_or_futures:
        loop = get_event_loop()
        outer = loop.create_future()
        outer.set_result([])
        return outer

    def _done_callback(fut):
        nonlocal nfinished
        nfinished += 1
        if outer is None or outer.done():
            return
        if not return_exceptions:
            if fut.cancelled():
                outer._set_exception_by(fut._make_cancelled_error(), 'gather', _task_ids([fut]))
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer._set_exception_by(exc, 'gather', _task_ids([fut]))
                    return
        if nfinished == nfuts:
            # the last gathered task to end wakes the task awaiting gather
            by = _task_ids([fut])
            results = []
            for fut in children:
                if fut.cancelled():
                    msg = _boucle.fut_cancel_message(fut._h)
                    res = CancelledError('' if msg is None else msg)
                else:
                    res = fut.exception()
                    if res is None:
                        res = fut.result()
                results.append(res)
            if outer._cancel_requested:
                outer._set_exception_by(CancelledError(), 'gather', by)
            else:
                outer._set_result_by(results, 'gather', by)

    _done_callback.__qualname__ = '_GatheringFuture._done_callback'
    arg_to_fut = {}
    children = []
    nfuts = 0
    nfinished = 0
    outer = None
    for arg in coros_or_futures:
        if arg not in arg_to_fut:
            fut = ensure_future(arg)
            if fut is not arg:
                fut._log_destroy_pending = False
            nfuts += 1
            arg_to_fut[arg] = fut
            fut.add_done_callback(_done_callback)
        else:
            fut = arg_to_fut[arg]
        children.append(fut)
    outer = _GatheringFuture(children)
    return outer


def _release_waiter(waiter, *args):
    # a timeout's timer (wait, wait_for)
    if not waiter.done():
        waiter._set_result_by(None, 'timer', [])


def _release_waiter_done(waiter, fut):
    # the awaited future ended (wait_for, _cancel_and_wait): its task wakes the waiter
    if not waiter.done():
        waiter._set_result_by(None, 'done', _task_ids([fut]))


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect a list of futures, not ' + type(fs).__name__)
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return_when value: ' + str(return_when))
    fs = list(fs)
    if any(iscoroutine(f) for f in fs):
        raise TypeError('Passing coroutines is forbidden, use tasks explicitly.')
    loop = get_running_loop()
    waiter = Future(_label='wait(' + return_when + ')')
    timeout_handle = None
    if timeout is not None:
        timeout_handle = loop.call_later(timeout, _release_waiter, waiter)
    counter = len(fs)

    def _on_completion(f):
        nonlocal counter
        counter -= 1
        if (counter <= 0 or return_when == FIRST_COMPLETED or
                return_when == FIRST_EXCEPTION and (not f.cancelled() and
                                                    f.exception() is not None)):
            if timeout_handle is not None:
                timeout_handle.cancel()
            if not waiter.done():
                waiter._set_result_by(None, 'wait', _task_ids([f]))

    _on_completion.__qualname__ = 'wait._on_completion'
    for f in fs:
        f.add_done_callback(_on_completion)
    try:
        await waiter
    finally:
        if timeout_handle is not None:
            timeout_handle.cancel()
        for f in fs:
            f.remove_done_callback(_on_completion)
    done, pending = set(), set()
    for f in fs:
        if f.done():
            done.add(f)
        else:
            pending.add(f)
    _boucle.wait_result(_task_ids([f for f in fs if f in done]),
                        _task_ids([f for f in fs if f in pending]))
    return done, pending


async def wait_for(fut, timeout):
    loop = get_running_loop()
    if timeout is None:
        return await fut
    if timeout <= 0:
        fut = ensure_future(fut, loop=loop)
        if fut.done():
            return fut.result()
        await _cancel_and_wait(fut, loop=loop)
        try:
            return fut.result()
        except CancelledError as exc:
            raise TimeoutError() from exc
    waiter = Future(_label='wait_for(' + repr(timeout) + ')')
    timeout_handle = loop.call_later(timeout, _release_waiter, waiter)

    def cb(f):
        _release_waiter_done(waiter, f)

    cb.__qualname__ = '_release_waiter'
    fut = ensure_future(fut, loop=loop)
    fut.add_done_callback(cb)
    try:
        try:
            await waiter
        except CancelledError:
            if fut.done():
                return fut.result()
            else:
                fut.remove_done_callback(cb)
                await _cancel_and_wait(fut, loop=loop)
                raise
        if fut.done():
            return fut.result()
        else:
            fut.remove_done_callback(cb)
            await _cancel_and_wait(fut, loop=loop)
            try:
                return fut.result()
            except CancelledError as exc:
                raise TimeoutError() from exc
    finally:
        timeout_handle.cancel()


async def _cancel_and_wait(fut, loop):
    waiter = Future()

    def cb(f):
        _release_waiter_done(waiter, f)

    cb.__qualname__ = '_release_waiter'
    fut.add_done_callback(cb)
    try:
        fut.cancel()
        await waiter
    finally:
        fut.remove_done_callback(cb)


def as_completed(fs, *, timeout=None):
    if isfuture(fs) or iscoroutine(fs):
        raise TypeError('expect an iterable of futures, not ' + type(fs).__name__)
    done = __getattr__('Queue')()  # the second part (prelude_sync.py), loaded on use
    loop = get_event_loop()
    todo = []
    for f in fs:
        f = ensure_future(f, loop=loop)
        if f not in todo:
            todo.append(f)
    timeout_handle = None

    def _on_timeout():
        for f in todo:
            f.remove_done_callback(_on_completion)
            done.put_nowait(None)
        todo.clear()

    def _on_completion(f):
        if not todo:
            return
        todo.remove(f)
        done.put_nowait(f)
        if not todo and timeout_handle is not None:
            timeout_handle.cancel()

    _on_completion.__qualname__ = 'as_completed._on_completion'

    async def _wait_for_one():
        f = await done.get()
        if f is None:
            raise TimeoutError
        return f.result()

    for f in todo:
        f.add_done_callback(_on_completion)
    if todo and timeout is not None:
        timeout_handle = loop.call_later(timeout, _on_timeout)
    for _ in range(len(todo)):
        yield _wait_for_one()


def shield(arg):
    inner = ensure_future(arg)
    if inner.done():
        return inner
    outer = Future(_label='shield')

    def _inner_done_callback(inner):
        if not outer.cancelled():
            if inner.cancelled():
                outer.cancel()
            else:
                exc = inner.exception()
                if exc is not None:
                    outer.set_exception(exc)
                else:
                    outer.set_result(inner.result())

    def _outer_done_callback(outer):
        if not inner.done():
            inner.remove_done_callback(_inner_done_callback)

    inner.add_done_callback(_inner_done_callback)
    outer.add_done_callback(_outer_done_callback)
    return outer


def _cancel_all_tasks(loop):
    to_cancel = all_tasks(loop)
    if not to_cancel:
        return
    for task in to_cancel:
        task.cancel()
    loop.run_until_complete(gather(*to_cancel, return_exceptions=True))
    for task in to_cancel:
        if task.cancelled():
            continue
        if task.exception() is not None:
            _boucle.log_task_exception('unhandled exception during asyncio.run() shutdown',
                                       task._id, task.exception())


def run(main, *, debug=None):
    if _boucle.running_loop() is not None:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    if not iscoroutine(main):
        raise ValueError('a coroutine was expected, got ' + repr(main))
    loop = new_event_loop()
    set_event_loop(loop)
    try:
        task = loop.create_task(main)
        return loop.run_until_complete(task)
    finally:
        try:
            _cancel_all_tasks(loop)
            loop.run_until_complete(loop.shutdown_asyncgens())
            loop.run_until_complete(loop.shutdown_default_executor())
        finally:
            set_event_loop(None)
            loop.close()
