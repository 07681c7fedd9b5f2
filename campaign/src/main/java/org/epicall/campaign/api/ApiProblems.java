package org.epicall.campaign.api;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.epicall.campaign.followup.RecordingNotFoundException;
import org.epicall.campaign.lifecycle.CampaignNotFoundException;
import org.epicall.campaign.lifecycle.CampaignNotReadyException;
import org.epicall.campaign.lifecycle.IllegalTransitionException;
import org.epicall.campaign.lifecycle.InvalidQuestionnaireException;
import org.epicall.campaign.prompt.InvalidPromptAudioException;
import org.epicall.campaign.prompt.PromptNotFoundException;
import org.epicall.campaign.prompt.PromptRenderException;
import org.epicall.campaign.roster.InvalidPhoneNumberException;
import org.epicall.campaign.roster.RosterFormatException;
import org.epicall.campaign.schedule.InvalidScheduleException;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns failures into RFC 9457 problem details that name the file, line or field and say what to do.
 * No stack trace ever reaches a client.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);
    static final String TYPE_BASE = "https://epicall.org/problems/";

    @ExceptionHandler
    ProblemDetail notFound(CampaignNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "campaign-not-found", "Campaign not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.type(), "Not found", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noRecording(RecordingNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "recording-not-found", "No recording", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail noPrompt(PromptNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "prompt-not-found", "No such prompt recording", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail promptRender(PromptRenderException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "prompt-render-unavailable", "Prompts cannot be rendered here",
                e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail promptAudio(InvalidPromptAudioException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "prompt-audio-invalid", "Recording cannot be a prompt",
                e.getMessage());
        problem.setProperty("field", "recording");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail illegalTransition(IllegalTransitionException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "illegal-transition", "Not allowed in this state",
                e.getMessage());
        problem.setProperty("campaignId", e.campaignId());
        problem.setProperty("state", e.from().name().toLowerCase());
        problem.setProperty("requested", e.to().name().toLowerCase());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notReady(CampaignNotReadyException e) {
        return problem(HttpStatus.CONFLICT, "campaign-not-ready", "Campaign not ready", e.getMessage());
    }

    @ExceptionHandler
    ProblemDetail roster(RosterFormatException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "roster-format", "Roster cannot be imported",
                e.getMessage());
        problem.setProperty("file", e.fileName());
        if (e.lineNumber() > 0) {
            problem.setProperty("line", e.lineNumber());
        }
        if (e.field() != null) {
            problem.setProperty("field", e.field());
        }
        return problem;
    }

    @ExceptionHandler
    ProblemDetail questionnaire(InvalidQuestionnaireException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "questionnaire-invalid", "Questionnaire is invalid",
                e.getMessage());
        problem.setProperty("file", e.source());
        List<Map<String, Object>> problems = e.problems().stream()
                .map(p -> Map.<String, Object>of("path", p.path(), "line", p.line(), "message", p.message()))
                .toList();
        problem.setProperty("problems", problems);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail phone(InvalidPhoneNumberException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-phone", "Invalid phone number", e.getMessage());
        problem.setProperty("field", "phone");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail schedule(InvalidScheduleException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "schedule-invalid", "Calling window or retry policy"
                + " is invalid", e.getMessage());
        problem.setProperty("field", "schedule." + e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail badRequest(BadRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request", e.getMessage());
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notMultipart(MultipartException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "the upload could not be read as multipart/form-data (" + rootMessage(e) + "); send the files as"
                        + " form fields, e.g. curl -F roster=@residents.csv -F questionnaire=@survey.yaml");
    }

    /** Tomcat refuses a query such as {@code ?=null} once a multipart request's parameters are read. */
    @ExceptionHandler
    ProblemDetail unreadableParameters(InvalidParameterException e) {
        return problem(HttpStatus.BAD_REQUEST, "bad-request", "Bad request",
                "the query string could not be read (" + e.getMessage() + "); give each parameter a name, e.g. ?wait=true");
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    @ExceptionHandler
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected failure answering a request", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the service failed to answer; the server log has the details");
    }

    static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }
}
