import asyncio

async def main():
    fut = asyncio.get_running_loop().create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError :", e)
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError :", e)
    print(fut.cancel(), fut.result())
    f2 = asyncio.get_running_loop().create_future()
    print(f2.cancel(), f2.cancelled(), f2.done())
    try:
        f2.result()
    except asyncio.CancelledError:
        print("result() d'un futur annulé lève CancelledError")

asyncio.run(main())
