package jp.nakano.planreview.findings;

import java.util.function.Consumer;
import java.util.function.LongSupplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records the findings of one run in their own transaction, so a finding survives the rollback of the
 * chunk that made it: the reason a step failed is never lost with the step.
 */
public class FindingRecorder implements Consumer<Finding> {

    private final FindingRepository repository;

    private final TransactionTemplate ownTransaction;

    private final LongSupplier runId;

    public FindingRecorder(FindingRepository repository, PlatformTransactionManager transactionManager,
            LongSupplier runId) {
        this.repository = repository;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.runId = runId;
    }

    public void add(Finding finding) {
        ownTransaction.executeWithoutResult(status -> repository.add(runId.getAsLong(), finding));
    }

    @Override
    public void accept(Finding finding) {
        add(finding);
    }

}
