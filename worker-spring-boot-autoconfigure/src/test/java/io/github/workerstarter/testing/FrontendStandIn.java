package io.github.workerstarter.testing;

import io.grpc.stub.StreamObserver;
import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.api.workflowservice.v1.DescribeNamespaceResponse;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.api.workflowservice.v1.GetSystemInfoResponse;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;

/**
 * A Temporal frontend that answers only the two calls the starter makes at startup (the SDK's system info and our
 * namespace check), both successfully. For what the SDK's test server cannot show: headers a client sends, or a
 * cluster's answer for a namespace it does not have (override {@link #describeNamespace}).
 */
public class FrontendStandIn extends WorkflowServiceGrpc.WorkflowServiceImplBase {

	@Override
	public void getSystemInfo(GetSystemInfoRequest request, StreamObserver<GetSystemInfoResponse> observer) {
		observer.onNext(GetSystemInfoResponse.getDefaultInstance());
		observer.onCompleted();
	}

	@Override
	public void describeNamespace(DescribeNamespaceRequest request, StreamObserver<DescribeNamespaceResponse> observer) {
		observer.onNext(DescribeNamespaceResponse.getDefaultInstance());
		observer.onCompleted();
	}

}
