package app.marginalia.web;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Runs the same call from several threads released at one instant, as a double click, a
 * retrying client, two people saving together or two instances starting together do; returns
 * every answer in order.
 */
public final class Concurrently {

    private Concurrently() {
    }

    public static <T> List<T> times(int count, Callable<T> request) {
        return all(java.util.Collections.nCopies(count, request));
    }

    public static <T> List<T> all(List<Callable<T>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> answers = new ArrayList<>();
            for (Callable<T> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<T> responses = new ArrayList<>();
            for (Future<T> answer : answers) {
                responses.add(answer.get(5, TimeUnit.MINUTES));
            }
            return responses;
        } catch (Exception e) {
            throw new AssertionError("a concurrent request failed to complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Each answer's status, for assertion messages. */
    public static List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }
}
