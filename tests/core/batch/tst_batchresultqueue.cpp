#include "batch/BatchResultQueue.h"

#include <QSet>
#include <QTest>
#include <QThread>

#include <atomic>

// The queue that carries results from the runner's worker threads to its owner.
class tst_BatchResultQueue : public QObject
{
    Q_OBJECT

private slots:
    void wakesTheOwnerOncePerBatch();
    void holdsBackWhenFull();
    void countsWorkersThatAreDone();
    void manyProducersLoseNothing();
};

namespace {

BatchLeadResult result(int index)
{
    BatchLeadResult lead;
    lead.index = index;
    lead.call.status = 200;
    return lead;
}

} // namespace

void tst_BatchResultQueue::wakesTheOwnerOncePerBatch()
{
    BatchResultQueue queue(10);
    QVERIFY(queue.push(result(0)));  // the first result wakes the owner
    QVERIFY(!queue.push(result(1))); // the owner is already woken
    QVERIFY(!queue.push(result(2)));
    const BatchResultQueue::Batch batch = queue.take();
    QCOMPARE(batch.results.size(), 3);
    QCOMPARE(batch.results.at(0).index, 0);
    QCOMPARE(batch.results.at(2).index, 2);
    QVERIFY(!batch.heldBack);
    QVERIFY(queue.take().results.isEmpty());
    QVERIFY(queue.push(result(3))); // after a take, the next push wakes it again
}

void tst_BatchResultQueue::holdsBackWhenFull()
{
    BatchResultQueue queue(2);
    QCOMPARE(queue.capacity(), 2);
    QVERIFY(queue.hasRoom());
    queue.push(result(0));
    QVERIFY(queue.hasRoom());
    queue.push(result(1));
    QVERIFY(!queue.hasRoom());
    // A call already in flight still lands.
    queue.push(result(2));
    BatchResultQueue::Batch batch = queue.take();
    QCOMPARE(batch.results.size(), 3);
    QVERIFY(batch.heldBack); // the owner must wake the workers
    QVERIFY(queue.hasRoom());
    batch = queue.take();
    QVERIFY(!batch.heldBack);
    QCOMPARE(BatchResultQueue(0).capacity(), 1);
}

void tst_BatchResultQueue::countsWorkersThatAreDone()
{
    BatchResultQueue queue(4);
    QVERIFY(queue.workerDone());
    QVERIFY(!queue.workerDone());
    QCOMPARE(queue.take().workersDone, 2);
    QVERIFY(queue.workerDone());
    QCOMPARE(queue.take().workersDone, 3); // over the whole run
}

void tst_BatchResultQueue::manyProducersLoseNothing()
{
    constexpr int producers = 4;
    constexpr int each = 5000;
    BatchResultQueue queue(64);
    std::atomic<int> wakes {0};
    QList<QThread*> threads;
    for (int p = 0; p < producers; ++p) {
        threads.append(QThread::create([&queue, &wakes, p] {
            for (int i = 0; i < each; ++i) {
                // Spin while full, as a worker holds back; the owner below keeps taking.
                while (!queue.hasRoom())
                    QThread::yieldCurrentThread();
                if (queue.push(result(p * each + i)))
                    ++wakes;
            }
            if (queue.workerDone())
                ++wakes;
        }));
        threads.last()->start();
    }
    QSet<int> seen;
    int largest = 0;
    int takes = 0;
    for (;;) {
        const BatchResultQueue::Batch batch = queue.take();
        ++takes;
        largest = qMax(largest, int(batch.results.size()));
        for (const BatchLeadResult& lead : batch.results) {
            QVERIFY(!seen.contains(lead.index));
            seen.insert(lead.index);
        }
        if (batch.workersDone == producers && batch.results.isEmpty())
            break;
        QThread::yieldCurrentThread();
    }
    for (QThread* thread : threads) {
        thread->wait();
        delete thread;
    }
    QCOMPARE(seen.size(), producers * each);
    // Room is asked before a push, so the queue never holds more than capacity plus one
    // result per producer that asked at the same moment.
    QVERIFY2(largest <= 64 + producers, qPrintable(QString::number(largest)));
    QVERIFY(wakes.load() <= takes + producers);
}

QTEST_GUILESS_MAIN(tst_BatchResultQueue)
#include "tst_batchresultqueue.moc"
