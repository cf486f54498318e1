# asyncio for Boucle: CPython 3.11's algorithms (futures.py, tasks.py, queues.py,
# locks.py, timeouts.py, taskgroups.py, runners.py), on the instrumented Rust event
# loop exposed by the native module _boucle. Futures and tasks are the loop's own,
# so every task, wake-up and callback shows in the trace.
import _boucle

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

    def __repr__(self):
        return '<Future ' + self._state() + '>'


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

    def __repr__(self):
        return ('<Task ' + self._state() + " name='" + self.get_name() + "' coro=<"
                + _boucle.coro_name(self._coro) + '()>>')


def iscoroutine(obj):
    return _boucle.is_coroutine(obj)


def iscoroutinefunction(func):
    return _boucle.is_coroutine_function(func)


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
    fut.set_result(result)


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
                outer.set_exception(fut._make_cancelled_error())
                return
            else:
                exc = fut.exception()
                if exc is not None:
                    outer.set_exception(exc)
                    return
        if nfinished == nfuts:
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
                outer.set_exception(CancelledError())
            else:
                outer.set_result(results)

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
    if not waiter.done():
        waiter.set_result(None)


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
                waiter.set_result(None)

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
        _release_waiter(waiter)

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
        _release_waiter(waiter)

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
    done = Queue()
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


class Timeout:
    def __init__(self, when):
        self._when = when
        self._state = 'created'
        self._timeout_handler = None
        self._task = None

    def when(self):
        return self._when

    def reschedule(self, when):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
        self._when = when
        if when is None:
            self._timeout_handler = None
        else:
            loop = get_running_loop()
            if when <= loop.time():
                self._timeout_handler = loop.call_soon(self._on_timeout)
            else:
                self._timeout_handler = loop.call_at(when, self._on_timeout)

    def expired(self):
        return self._state in ('expiring', 'expired')

    async def __aenter__(self):
        self._state = 'entered'
        self._task = current_task()
        if self._task is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._when)
        return self

    async def __aexit__(self, exc_type, exc_val, exc_tb):
        if self._timeout_handler is not None:
            self._timeout_handler.cancel()
            self._timeout_handler = None
        if self._state == 'expiring':
            self._state = 'expired'
            if self._task.uncancel() == 0 and exc_type is CancelledError:
                raise TimeoutError from exc_val
        elif self._state == 'entered':
            self._state = 'exited'
        return None

    def _on_timeout(self):
        self._task.cancel()
        self._state = 'expiring'
        self._timeout_handler = None


def timeout(delay):
    loop = get_running_loop()
    return Timeout(loop.time() + delay if delay is not None else None)


def timeout_at(when):
    return Timeout(when)


class TaskGroup:
    def __init__(self):
        self._entered = False
        self._exiting = False
        self._aborting = False
        self._loop = None
        self._parent_task = None
        self._parent_cancel_requested = False
        self._tasks = []
        self._errors = []
        self._base_error = None
        self._on_completed_fut = None

    async def __aenter__(self):
        if self._entered:
            raise RuntimeError('TaskGroup has already been entered')
        self._loop = get_running_loop()
        self._parent_task = current_task()
        if self._parent_task is None:
            raise RuntimeError('TaskGroup cannot determine the parent task')
        self._entered = True
        return self

    async def __aexit__(self, et, exc, tb):
        self._exiting = True
        propagate_cancellation_error = exc if et is CancelledError else None
        if self._parent_cancel_requested:
            if self._parent_task.uncancel() == 0:
                propagate_cancellation_error = None
        if et is not None:
            if not self._aborting:
                self._abort()
        while self._tasks:
            if self._on_completed_fut is None:
                self._on_completed_fut = Future(_label='TaskGroup')
            try:
                await self._on_completed_fut
            except CancelledError as ex:
                if not self._aborting:
                    propagate_cancellation_error = ex
                    self._abort()
            self._on_completed_fut = None
        if self._base_error is not None:
            raise self._base_error
        if propagate_cancellation_error and not self._errors:
            raise propagate_cancellation_error
        if et is not None and et is not CancelledError:
            self._errors.append(exc)
        if self._errors:
            errors = self._errors
            self._errors = None
            raise ExceptionGroup('unhandled errors in a TaskGroup', errors) from None

    def create_task(self, coro, *, name=None, context=None):
        if not self._entered:
            raise RuntimeError('TaskGroup has not been entered')
        if self._exiting and not self._tasks:
            raise RuntimeError('TaskGroup is finished')
        if self._aborting:
            raise RuntimeError('TaskGroup is shutting down')
        task = self._loop.create_task(coro, name=name)
        if task.done():
            self._on_task_done(task)
        else:
            self._tasks.append(task)
            task.add_done_callback(self._on_task_done)
        return task

    def _abort(self):
        self._aborting = True
        for t in self._tasks:
            if not t.done():
                t.cancel()

    def _on_task_done(self, task):
        if task in self._tasks:
            self._tasks.remove(task)
        if self._on_completed_fut is not None and not self._tasks:
            if not self._on_completed_fut.done():
                self._on_completed_fut.set_result(True)
        if task.cancelled():
            return
        exc = task.exception()
        if exc is None:
            return
        self._errors.append(exc)
        if not isinstance(exc, Exception) and self._base_error is None:
            self._base_error = exc
        if self._parent_task.done():
            return
        if not self._aborting and not self._parent_cancel_requested:
            self._abort()
            self._parent_cancel_requested = True
            self._parent_task.cancel()


class Queue:
    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = []
        self._putters = []
        self._unfinished_tasks = 0
        self._finished = Event()
        self._finished.set()
        self._queue = []

    def _wakeup_next(self, waiters):
        while waiters:
            waiter = waiters.pop(0)
            if not waiter.done():
                waiter.set_result(None)
                break

    def qsize(self):
        return len(self._queue)

    @property
    def maxsize(self):
        return self._maxsize

    def empty(self):
        return not self._queue

    def full(self):
        if self._maxsize <= 0:
            return False
        else:
            return self.qsize() >= self._maxsize

    async def put(self, item):
        while self.full():
            putter = Future(_label='Queue.put()')
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()
                if putter in self._putters:
                    self._putters.remove(putter)
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        while self.empty():
            getter = Future(_label='Queue.get()')
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                if getter in self._getters:
                    self._getters.remove(getter)
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop(0)

    def task_done(self):
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    def _put(self, item):
        # heapq.heappush, by hand: the same order as CPython's heap.
        q = self._queue
        q.append(item)
        pos = len(q) - 1
        while pos > 0:
            parent = (pos - 1) >> 1
            if q[pos] < q[parent]:
                q[pos], q[parent] = q[parent], q[pos]
                pos = parent
            else:
                break

    def _get(self):
        q = self._queue
        last = q.pop()
        if not q:
            return last
        top = q[0]
        q[0] = last
        end = len(q)
        pos = 0
        child = 1
        while child < end:
            right = child + 1
            if right < end and not q[child] < q[right]:
                child = right
            q[pos], q[child] = q[child], q[pos]
            pos = child
            child = 2 * pos + 1
        while pos > 0:
            parent = (pos - 1) >> 1
            if q[pos] < q[parent]:
                q[pos], q[parent] = q[parent], q[pos]
                pos = parent
            else:
                break
        return top


class LifoQueue(Queue):
    def _get(self):
        return self._queue.pop()


class Event:
    def __init__(self):
        self._waiters = []
        self._value = False

    def is_set(self):
        return self._value

    def set(self):
        if not self._value:
            self._value = True
            for fut in self._waiters:
                if not fut.done():
                    fut.set_result(True)

    def clear(self):
        self._value = False

    async def wait(self):
        if self._value:
            return True
        fut = Future(_label='Event.wait()')
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class _ContextManagerMixin:
    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


class Lock(_ContextManagerMixin):
    def __init__(self):
        self._waiters = None
        self._locked = False

    def locked(self):
        return self._locked

    async def acquire(self):
        if (not self._locked and (self._waiters is None or
                all(w.cancelled() for w in self._waiters))):
            self._locked = True
            return True
        if self._waiters is None:
            self._waiters = []
        fut = Future(_label='Lock.acquire()')
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if not self._locked:
                self._wake_up_first()
            raise
        self._locked = True
        return True

    def release(self):
        if self._locked:
            self._locked = False
            self._wake_up_first()
        else:
            raise RuntimeError('Lock is not acquired.')

    def _wake_up_first(self):
        if not self._waiters:
            return
        fut = self._waiters[0]
        if not fut.done():
            fut.set_result(True)


class Semaphore(_ContextManagerMixin):
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._waiters = None
        self._value = value

    def locked(self):
        return self._value == 0 or (
            any(not w.cancelled() for w in (self._waiters or ())))

    async def acquire(self):
        if not self.locked():
            self._value -= 1
            return True
        if self._waiters is None:
            self._waiters = []
        fut = Future(_label='Semaphore.acquire()')
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except CancelledError:
            if fut.done() and not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise
        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        if not self._waiters:
            return False
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return True
        return False


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class Condition(_ContextManagerMixin):
    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = []

    async def wait(self):
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = Future(_label='Condition.wait()')
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            cancelled = False
            while True:
                try:
                    await self.acquire()
                    break
                except CancelledError:
                    cancelled = True
            if cancelled:
                raise CancelledError

    async def wait_for(self, predicate):
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        idx = 0
        for fut in self._waiters:
            if idx >= n:
                break
            if not fut.done():
                idx += 1
                fut.set_result(False)

    def notify_all(self):
        self.notify(len(self._waiters))


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
