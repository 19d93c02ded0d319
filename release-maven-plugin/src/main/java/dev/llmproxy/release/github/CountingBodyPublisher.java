package dev.llmproxy.release.github;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that tells an {@link UploadProgress} how many bytes of another body the HTTP client has taken, as it
 * takes them; the body itself passes through unchanged (still streamed from the file, never held in memory).
 */
final class CountingBodyPublisher implements HttpRequest.BodyPublisher {
    private final HttpRequest.BodyPublisher body;
    private final UploadProgress progress;

    /**
     * @param body the body to send, e.g. {@code BodyPublishers.ofFile(file)}
     * @param progress told each buffer's size before the client sees the buffer
     */
    CountingBodyPublisher(HttpRequest.BodyPublisher body, UploadProgress progress) {
        this.body = body;
        this.progress = progress;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        body.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscriber.onSubscribe(subscription);
            }

            @Override
            public void onNext(ByteBuffer item) {
                progress.sent(item.remaining());
                subscriber.onNext(item);
            }

            @Override
            public void onError(Throwable throwable) {
                subscriber.onError(throwable);
            }

            @Override
            public void onComplete() {
                subscriber.onComplete();
            }
        });
    }
}
