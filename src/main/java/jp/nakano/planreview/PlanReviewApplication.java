package jp.nakano.planreview;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Entry point of plan-review: the annual progress review of Nakano ward's DX plans. */
@SpringBootApplication
public class PlanReviewApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(PlanReviewApplication.class, args)));
    }

}
