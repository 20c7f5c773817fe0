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
 * Sends the same request from several threads released at one instant, as a double click, a
 * retrying client or two people saving together do; returns every answer in order.
 */
public final class Concurrently {

    private Concurrently() {
    }

    public static List<Response> times(int count, Callable<Response> request) {
        return all(java.util.Collections.nCopies(count, request));
    }

    public static List<Response> all(List<Callable<Response>> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (Callable<Response> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
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
