package jp.nakano.planreview;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

import jp.nakano.planreview.command.VerifyCommand;

/** Entry point of plan-review: the annual progress review of Nakano ward's DX plans. */
@SpringBootApplication
public class PlanReviewApplication {

    public static void main(String[] args) {
        DefaultApplicationArguments arguments = new DefaultApplicationArguments(args);
        if (VerifyCommand.isRequested(arguments)) {
            // verify only reads files: without Spring it opens no database, so it works while a run holds it
            System.exit(VerifyCommand.execute(arguments, System.out, System.err));
        }
        System.exit(SpringApplication.exit(SpringApplication.run(PlanReviewApplication.class, args)));
    }

}
